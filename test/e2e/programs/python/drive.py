"""A Python program using the generated SDK (sdk/python), run in process through the Automation API
(no Python language host needed): a registry and two schedules taking its ID. One step per run:

    python drive.py up|refresh|destroy

Its environment (set by test/harness/sdk-programs.ts): E2E_PROJECT_DIR (holds the Pulumi.yaml that
names the plugin and the backend), E2E_PULUMI_ROOT (the CLI's root), PULUMI_HOME, E2E_GATEWAY_URL,
E2E_USERNAME, E2E_PASSWORD, E2E_REGISTRY_URI, E2E_DAILY_TIME. Prints one JSON line: the resource
changes of the step and the stack outputs.
"""

import json
import os
import sys
from enum import Enum
from typing import Dict

import pulumi
from pulumi import automation as auto

import pulumi_qualys_cs as qualys


def program() -> None:
    registry = qualys.Registry(
        "harbor",
        registry_type=qualys.RegistryType.V2_PRIVATE,
        registry_uri=os.environ["E2E_REGISTRY_URI"],
        credential_type=qualys.V2CredentialType.BASIC_AUTH,
        username="robot$scanner",
        password=pulumi.Output.secret("registry-secret"),
    )
    daily = qualys.RegistryScanSchedule(
        "daily",
        registry_id=registry.registry_id,
        repo=["team/api"],
        schedule_scan_interval_in_days=1,
        schedule=os.environ["E2E_DAILY_TIME"],
    )
    weekly = qualys.RegistryScanSchedule(
        "weekly",
        registry_id=registry.id,
        repo=["team/web", "team/worker"],
        schedule_scan_interval_in_days=7,
        week_day=qualys.WeekDay.MONDAY,
        additional_filters=qualys.RegistryScanScheduleAdditionalFiltersArgs(
            number_of_tags=5, sort_criteria=qualys.SortCriteria.CREATED_DATE
        ),
    )
    pulumi.export("registryId", registry.registry_id)
    pulumi.export("dailyId", daily.id)
    pulumi.export("dailyName", daily.name)
    pulumi.export("weeklyScheduleId", weekly.schedule_id)


def main(step: str) -> None:
    env = os.environ
    stack = auto.create_or_select_stack(
        stack_name="dev",
        project_name="qualys-sdk-e2e",
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=env["E2E_PROJECT_DIR"],
            pulumi_home=env["PULUMI_HOME"],
            pulumi_command=auto.PulumiCommand(root=env["E2E_PULUMI_ROOT"], skip_version_check=True),
        ),
    )
    stack.set_all_config(
        {
            "qualys-cs:gatewayUrl": auto.ConfigValue(env["E2E_GATEWAY_URL"]),
            "qualys-cs:username": auto.ConfigValue(env["E2E_USERNAME"]),
            "qualys-cs:password": auto.ConfigValue(env["E2E_PASSWORD"], secret=True),
        }
    )
    log = lambda line: print(line, file=sys.stderr)  # noqa: E731 (the engine's progress, for the test log)
    if step == "up":
        summary = stack.up(on_output=log).summary
    elif step == "refresh":
        summary = stack.refresh(on_output=log).summary
    elif step == "destroy":
        summary = stack.destroy(on_output=log).summary
    else:
        raise SystemExit(f"unknown step {step!r}: use up, refresh or destroy")
    changes: Dict[str, int] = {
        (op.value if isinstance(op, Enum) else str(op)): n for op, n in (summary.resource_changes or {}).items()
    }
    outputs = {name: value.value for name, value in stack.outputs().items()}
    print(json.dumps({"changes": changes, "outputs": outputs}))


if __name__ == "__main__":
    main(sys.argv[1])
