from digest.cli import main

# Guarded: the feed-parsing worker processes (digest.fetch) import this module again.
if __name__ == "__main__":
    main()
