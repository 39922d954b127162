"""mnist_core: the data sets, the model, training, evaluation, drawing preprocessing and saved runs.

Plain Python with no Streamlit import, so the command line, the tests and the app share one implementation.
TensorFlow is imported lazily (it takes seconds), only by the modules that need it.
"""
