from quoteattr.cli import main

main()
