"""Roomcode worker package: policy, restricted execution, reset, jobs and stats inside Blender."""
