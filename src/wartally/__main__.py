from wartally.cli import run

run()
