"""Ingestion: raw news files become articles.

read.py     bytes -> text (encodings, refusing what is not an article)
parse.py    text -> title, date, source, byline, language, clean body
extract.py  article -> agreements and tags it names
pipeline.py the three above, for one file's bytes (pure, no Django)
store.py    the only writer: a batch of files to a transaction, each file whole
            in its savepoint (or one file alone), its index and stories kept
runner.py   files and folders -> one outcome per file, parsed in worker processes
"""
