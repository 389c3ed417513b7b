"""Whole user actions done headless, so that the command line and the app run the same code: argparse and
Qt stay in cli/ and gui/, which only gather the options and show the outcome."""
