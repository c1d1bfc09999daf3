// An Amazon ECR repository scanned by Qualys, all in one program: the repository, the IAM role that
// Qualys assumes (its trust policy built from `getAwsBase()`), the Qualys registry and a weekly schedule.
//
// This program cannot run in this repository's tests: it needs AWS credentials and a Qualys tenant,
// and AWS is not reachable from here. The test command type-checks it against @pulumi/aws
// (examples/tsconfig.json), so it keeps compiling as both packages change.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { getAwsBase, Registry, RegistryScanSchedule } from "pulumi-qualys-cs";

const repository = new aws.ecr.Repository("api", { name: "team/api", forceDelete: true });

// The Qualys AWS account and the external ID its role assumption presents.
const qualys = getAwsBase();

const role = new aws.iam.Role("qualys-ecr-read", {
  assumeRolePolicy: qualys.apply((base) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${base.accountId}:root` },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": base.externalId } },
        },
      ],
    }),
  ),
});

const readOnly = new aws.iam.RolePolicyAttachment("qualys-ecr-read", {
  role: role.name,
  policyArn: aws.iam.ManagedPolicy.AmazonEC2ContainerRegistryReadOnly,
});

const account = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();

const registry = new Registry(
  "ecr",
  {
    registryType: "AWS",
    registryUri: pulumi.interpolate`https://${account.accountId}.dkr.ecr.${region.region}.amazonaws.com`,
    aws: { accountId: account.accountId, region: region.region, arn: role.arn },
  },
  // IAM needs a moment after the policy is attached before Qualys can assume the role.
  { dependsOn: [readOnly] },
);

const weekly = new RegistryScanSchedule("api-weekly", {
  registryId: registry.id, // the resource ID stays known while the registry updates in place
  repo: repository.name,
  scheduleScanIntervalInDays: 7,
  weekDay: "SUNDAY",
});

export const registryId = registry.registryId;
export const scheduleId = weekly.scheduleId;
