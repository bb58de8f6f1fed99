#!/usr/bin/env python3
"""Times shell commands interleaved (A, B, C, A, B, C, ...) and prints each one's wall median.

On a shared machine whose speed drifts by 10-20% over minutes, hyperfine's back-to-back series
compare different moments; interleaving gives every command the same moments, so the medians
can be compared. Each command runs once untimed first (it may build or train a cache).

Usage: bench/interleave.py [--rounds N] 'command A' 'command B' ...
Example: bench/interleave.py --rounds 40 'bin/blis-native --version' \
             'BLIS_STARTUP_CACHE=off bin/blis-native --version'
"""
import argparse
import statistics
import subprocess
import time


def run(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="timed runs of each command (default 30)")
    parser.add_argument("commands", nargs="+", help="shell commands to compare")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")
    for command in args.commands:
        run(command)
    times = {command: [] for command in args.commands}
    for _ in range(args.rounds):
        for command in args.commands:
            times[command].append(run(command))
    print(f"{'median ms':>10} {'mean ms':>8} {'min ms':>8}  command ({args.rounds} interleaved rounds)")
    for command in args.commands:
        t = times[command]
        print(f"{statistics.median(t):10.1f} {statistics.mean(t):8.1f} {min(t):8.1f}  {command}")


if __name__ == "__main__":
    main()
