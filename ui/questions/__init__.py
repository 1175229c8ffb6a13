"""Questions in lessons (predict, then reveal): the model in :mod:`ui.questions.model`."""
