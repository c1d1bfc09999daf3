"""Misuse of the generated SDK that a type checker must refuse: test/e2e/plugin-python.test.ts runs mypy
on this file and expects errors at both calls and nowhere else (mypy reports them at the call's first
line). The SDK's types say what the schema says."""

import pulumi_qualys_cs as qualys

qualys.RegistryScanSchedule(
    "typed",
    registry_id="0f6b2a51-0000-4000-8000-000000000001",
    repo=["team/api"],
    schedule_scan_interval_in_days="7",  # wrong: an integer
    week_day=qualys.WeekDay.MONDAY,
)
qualys.RegistryScanSchedule(
    "unknown",
    registry_id="0f6b2a51-0000-4000-8000-000000000001",
    repo=["team/api"],
    intervall=7,  # wrong: no such argument
)
