// The package's ready policy pack: `pulumi preview --policy-pack node_modules/pulumi-qualys-cs/policy-pack`
// (docs/policy.md). It needs @pulumi/policy installed in the project (the package's optional peer
// dependency); the rules live in the package (`pulumi-qualys-cs/policy`).
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { PACK_NAME, scanCoveragePolicies } = require("pulumi-qualys-cs/policy");

new PolicyPack(PACK_NAME, { policies: scanCoveragePolicies() });
