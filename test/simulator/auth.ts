// Token issue and check. Tokens are opaque to clients but shaped like a JWT (three base64url
// parts) so that code which peeks at the shape is exercised.
import { randomBytes, randomUUID } from "node:crypto";
import { HttpError, text, type Reply } from "./reply";

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString("base64url");
}

export class Tokens {
  /** token -> expiry (ms epoch). */
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly username: string,
    private readonly password: string,
    public ttlSeconds: number,
  ) {}

  /** POST /auth with a form-encoded body; 201 with the token as plain text. */
  login(rawBody: string): Reply {
    const form = new URLSearchParams(rawBody);
    if (form.get("token") !== "true") throw new HttpError(400, "token=true is required");
    if (form.get("username") !== this.username || form.get("password") !== this.password) {
      throw new HttpError(401, "Unauthorized: invalid username or password");
    }
    const now = Date.now();
    const exp = now + this.ttlSeconds * 1000;
    const token = [
      b64url({ alg: "HS512", typ: "JWT" }),
      b64url({
        sub: this.username,
        iat: Math.floor(now / 1000),
        exp: Math.floor(exp / 1000),
        jti: randomUUID(),
      }),
      randomBytes(32).toString("base64url"),
    ].join(".");
    this.issued.set(token, exp);
    return text(201, token);
  }

  /** Throws the gateway's 401 unless the Authorization header carries a live token. */
  check(authorization: string | undefined): void {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (!m) throw new HttpError(401, "Unauthorized: a bearer token is required");
    const exp = this.issued.get(m[1]!); // the pattern's one group always takes part
    if (exp === undefined) throw new HttpError(401, "Unauthorized: the token is not valid");
    const now = Date.now();
    if (now >= exp) {
      throw new HttpError(
        401,
        `JWT expired at ${new Date(exp).toISOString()}. Current time: ${new Date(now).toISOString()}`,
      );
    }
  }

  expireAll(): void {
    const past = Date.now() - 1;
    for (const t of this.issued.keys()) this.issued.set(t, past);
  }
}
