/**
 * The provider plugin's service called in process (provider/plugin/server.ts), for what the end-to-end
 * tests cannot provoke: an SDK of another version, and the exact shape of Check's and Diff's answers.
 */
import type * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

import { UNKNOWN } from "../../../provider/core/values";
import { providerService } from "../../../provider/plugin/server";

const service = providerService({ version: "0.1.0", schema: () => "{}" });
const SIG = "4dabf18193072939515e22adb298388d";
const wrapped = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });
const URN = "urn:pulumi:dev::proj::qualys-cs:index:Registry::hub";

/** Calls one unary handler; resolves with its answer or rejects with its gRPC error. */
function call<Req, Res>(handler: grpc.handleUnaryCall<Req, Res>, request: Req): Promise<Res> {
  return new Promise((resolve, reject) =>
    handler({ request } as grpc.ServerUnaryCall<Req, Res>, (err, res) =>
      err ? reject(Object.assign(new Error(String(err.details ?? "")), err)) : resolve(res as Res),
    ),
  );
}

describe("Configure", () => {
  test("refuses an SDK that asks for another version, saying what to install", async () => {
    const req = new provproto.ConfigureRequest();
    req.setArgs(Struct.fromJavaScript({ version: "0.2.0", gatewayUrl: "US2" }));
    await expect(call(service.configure, req)).rejects.toMatchObject({
      details: expect.stringMatching(
        /plugin is version 0\.1\.0, but the program's SDK asks for 0\.2\.0: install/,
      ) as unknown,
    });
  });

  test("accepts the same version, and says it takes secrets", async () => {
    const req = new provproto.ConfigureRequest();
    req.setArgs(Struct.fromJavaScript({ version: "0.1.0" }));
    expect((await call(service.configure, req)).getAcceptsecrets()).toBe(true);
  });
});

describe("Check", () => {
  test("keeps the password secret, fills the name from the URN, passes unknowns", async () => {
    const req = new provproto.CheckRequest();
    req.setUrn(URN);
    req.setNews(
      Struct.fromJavaScript({
        registryType: "DockerHub",
        registryUri: "https://registry-1.docker.io",
        username: UNKNOWN,
        password: wrapped("hunter2"),
      }),
    );
    const res = await call(service.check, req);
    expect(res.getFailuresList()).toEqual([]);
    const inputs = res.getInputs()?.toJavaScript() as Record<string, unknown>;
    expect(inputs.password).toEqual(wrapped("hunter2"));
    expect(inputs.name).toBe("hub");
    expect(inputs.username).toBe(UNKNOWN);
  });

  test("a broken rule is a failure naming the property", async () => {
    const req = new provproto.CheckRequest();
    req.setUrn(URN);
    req.setNews(Struct.fromJavaScript({ registryType: "Nope", registryUri: "https://registry-1.docker.io" }));
    const failures = (await call(service.check, req)).getFailuresList();
    expect(failures.map((f) => f.getProperty())).toContain("registryType");
  });
});

describe("Diff", () => {
  test("a detailed diff: a replacing change and an update, as the table says", async () => {
    const req = new provproto.DiffRequest();
    req.setUrn(URN);
    req.setId("r1");
    const olds = {
      registryType: "DockerHub",
      registryUri: "https://a.example.com",
      name: "hub",
      username: "x",
    };
    req.setOlds(Struct.fromJavaScript(olds));
    req.setNews(Struct.fromJavaScript({ ...olds, registryUri: "https://b.example.com", username: "y" }));
    const res = await call(service.diff, req);
    expect(res.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(res.getReplacesList()).toEqual(["registryUri"]);
    const detailed = res.getDetaileddiffMap();
    expect(detailed.get("registryUri")?.getKind()).toBe(provproto.PropertyDiff.Kind.UPDATE_REPLACE);
    expect(detailed.get("username")?.getKind()).toBe(provproto.PropertyDiff.Kind.UPDATE);
  });
});
