SCENARIO = {
    "name": "explorer",
    "path": "/explorer?lang=en&f_relu=ReLU&f_relu=Leaky%20ReLU",
    "slider": "Leaky ReLU · negative_slope",
    "chart": "curves",  # the key the page passes to ui.page.chart
}
