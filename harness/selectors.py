"""The app's stable hooks, as CSS selectors: what the browser tests and benchmarks look for on a page.

Streamlit gives an element created with `key="..."` the class `st-key-...`; the keys themselves are named in the
issues that asked for them and are kept stable by the pages.
"""

from __future__ import annotations


def keyed(key: str) -> str:
    """CSS selector of the container Streamlit renders for a widget or container with this key."""
    return f".st-key-{key}"


# The page has drawn and no script run is going on.
IDLE_APP = "[data-testid=stApp][data-test-script-state=notRunning]"
PROGRESS_BAR = "[data-testid=stProgress] [role=progressbar]"
PAGE_PROBLEMS = "[data-testid=stException], [data-testid=stAlertContentError]"  # a traceback or an error
PREDICTION = f"{keyed('prediction')} [data-testid=stMetricValue]"  # the Draw page's answer
CANVAS = f"{keyed('draw-canvas')} canvas.upper-canvas"  # fabric.js's mouse-handling canvas over the drawn one
PICTURES = "[data-testid=stMain] img"
PAGE_LANDMARKS = {  # something each page draws, to know it is there (by page slug; "" is the home page)
    "": keyed("new-samples"),
    "train": keyed("train-start"),
    "draw": keyed("draw-canvas"),
    "mistakes": keyed("gallery"),
}
# The Train page: loss and accuracy per epoch sit side by side in columns; the batch-level trace is not in one.
EPOCH_LOSS_CHART = "[data-testid=stColumn] [data-testid=stVegaLiteChart]"
DONE = "[data-testid=stAlertContentSuccess]"  # the result view's "Finished" / "Stopped" line
FAILED = "[data-testid=stAlertContentError]"  # "The training failed", with the reason
