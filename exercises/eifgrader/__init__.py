"""The course's additions to nbgrader (exercises/nbgrader_config.py loads them).

- seal: a test cell earns its points only if it ran to its end (SealTests,
  VerifySeals, around nbgrader's Execute).

See docs/exercises.md for the teacher's side.
"""
