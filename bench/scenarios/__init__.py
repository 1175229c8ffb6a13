"""One module per page, each defining SCENARIO: the page opened, the slider moved, the chart that must follow."""
