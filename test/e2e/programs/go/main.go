// A Go program using the generated SDK (sdk/go), run in process through the Automation API (no Go
// language host needed): a registry and two schedules taking its ID. One step per run:
//
//	drive up|refresh|destroy
//
// Its environment (set by test/harness/sdk-programs.ts): E2E_PROJECT_DIR (holds the Pulumi.yaml that
// names the plugin and the backend), E2E_PULUMI_ROOT (the CLI's root), PULUMI_HOME, E2E_GATEWAY_URL,
// E2E_USERNAME, E2E_PASSWORD, E2E_REGISTRY_URI, E2E_DAILY_TIME. Prints one JSON line: the resource
// changes of the step and the stack outputs.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/pulumi-qualys-cs/pulumi-qualys-cs/sdk/go/qualyscs"
)

func program(ctx *pulumi.Context) error {
	registry, err := qualyscs.NewRegistry(ctx, "harbor", &qualyscs.RegistryArgs{
		RegistryType:   qualyscs.RegistryType_V2_PRIVATE,
		RegistryUri:    pulumi.String(os.Getenv("E2E_REGISTRY_URI")),
		CredentialType: qualyscs.V2CredentialType_BASIC_AUTH,
		Username:       pulumi.String("robot$scanner"),
		Password:       pulumi.ToSecret(pulumi.String("registry-secret")).(pulumi.StringOutput),
	})
	if err != nil {
		return err
	}
	daily, err := qualyscs.NewRegistryScanSchedule(ctx, "daily", &qualyscs.RegistryScanScheduleArgs{
		RegistryId:                 registry.RegistryId,
		Repo:                       pulumi.StringArray{pulumi.String("team/api")},
		ScheduleScanIntervalInDays: pulumi.Int(1),
		Schedule:                   pulumi.String(os.Getenv("E2E_DAILY_TIME")),
	})
	if err != nil {
		return err
	}
	weekly, err := qualyscs.NewRegistryScanSchedule(ctx, "weekly", &qualyscs.RegistryScanScheduleArgs{
		RegistryId:                 registry.ID().ToStringOutput(),
		Repo:                       pulumi.StringArray{pulumi.String("team/web"), pulumi.String("team/worker")},
		ScheduleScanIntervalInDays: pulumi.Int(7),
		WeekDay:                    qualyscs.WeekDayMONDAY,
		AdditionalFilters: &qualyscs.RegistryScanScheduleAdditionalFiltersArgs{
			NumberOfTags: pulumi.Int(5),
			SortCriteria: qualyscs.SortCriteria_CREATED_DATE,
		},
	})
	if err != nil {
		return err
	}
	ctx.Export("registryId", registry.RegistryId)
	ctx.Export("dailyId", daily.ID())
	ctx.Export("dailyName", daily.Name)
	ctx.Export("weeklyScheduleId", weekly.ScheduleId)
	return nil
}

func run(step string) error {
	ctx := context.Background()
	cli, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{
		Root: os.Getenv("E2E_PULUMI_ROOT"), SkipVersionCheck: true,
	})
	if err != nil {
		return err
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "qualys-sdk-e2e", program,
		auto.WorkDir(os.Getenv("E2E_PROJECT_DIR")), auto.PulumiHome(os.Getenv("PULUMI_HOME")), auto.Pulumi(cli))
	if err != nil {
		return err
	}
	err = stack.SetAllConfig(ctx, auto.ConfigMap{
		"qualys-cs:gatewayUrl": {Value: os.Getenv("E2E_GATEWAY_URL")},
		"qualys-cs:username":   {Value: os.Getenv("E2E_USERNAME")},
		"qualys-cs:password":   {Value: os.Getenv("E2E_PASSWORD"), Secret: true},
	})
	if err != nil {
		return err
	}
	var changes *map[string]int
	switch step {
	case "up":
		res, err := stack.Up(ctx, optup.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		changes = res.Summary.ResourceChanges
	case "refresh":
		res, err := stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		changes = res.Summary.ResourceChanges
	case "destroy":
		res, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		changes = res.Summary.ResourceChanges
	default:
		return fmt.Errorf("unknown step %q: use up, refresh or destroy", step)
	}
	outs, err := stack.Outputs(ctx)
	if err != nil {
		return err
	}
	outputs := map[string]interface{}{}
	for name, out := range outs {
		outputs[name] = out.Value
	}
	result := map[string]interface{}{"changes": changes, "outputs": outputs}
	return json.NewEncoder(os.Stdout).Encode(result)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: drive up|refresh|destroy")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
