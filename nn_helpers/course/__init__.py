"""The course machinery: what a notebook is expected to print, and how a learner's run is judged.

``record``   the course's record of one notebook (kinds of cells, sources, expected outputs), written by
             ``tools.build_notebooks`` from the solution run into ``records/NN_topic.json``;
             how two outputs compare ("equal to a person").
``selfcheck`` the pytest plugin (registered by ``pip install``) that makes ``pytest --nbval`` compare a
             learner's fresh run with the course's record, never with the outputs saved in their file.

Nothing here is imported by ``import nn_helpers``.
"""
