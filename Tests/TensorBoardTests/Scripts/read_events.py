"""Read a folder of TensorBoard event files with the tensorboard package and print what it sees.

Usage: read_events.py FOLDER

Prints a JSON object:
  {"file_version": 2.0, "events": [<events per file>], "first_writer": "...",
   "scalars": {"tag": [[step, value, wall_time], ...], ...}}
The scalars come from EventAccumulator, the pipeline behind TensorBoard's scalars dashboard
(simple_value migrated to the scalars plugin); the event counts from EventFileLoader, which stops
at the first record whose length or checksums are wrong, so a framing error shows as a short count.
"""
import glob
import json
import os
import sys

from tensorboard.backend.event_processing import event_accumulator
from tensorboard.backend.event_processing.event_file_loader import EventFileLoader


def main(folder):
    files = sorted(glob.glob(os.path.join(folder, "*tfevents*")))
    events = [list(EventFileLoader(path).Load()) for path in files]
    accumulator = event_accumulator.EventAccumulator(folder, size_guidance={event_accumulator.SCALARS: 0})
    accumulator.Reload()
    scalars = {
        tag: [[event.step, event.value, event.wall_time] for event in accumulator.Scalars(tag)]
        for tag in accumulator.Tags()[event_accumulator.SCALARS]
    }
    print(json.dumps({
        "file_version": accumulator.file_version,
        "events": [len(file_events) for file_events in events],
        "first_writer": events[0][0].source_metadata.writer if events and events[0] else None,
        "scalars": scalars,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
