// A fixed-window budget over /csapi/**, in the CS gateway's 429 flavour or the classic Qualys API's
// 409 flavour (docs/qualys-contract.md §8 item 8).
import { errorReply, type Reply } from "./reply";
import type { RateLimitSettings } from "./types";

export type Admission = { ok: true; headers: Record<string, string> } | { ok: false; reply: Reply };

export class RateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(public settings: RateLimitSettings | null) {}

  resetWindow(): void {
    this.windowStart = 0;
    this.used = 0;
  }

  admit(now = Date.now()): Admission {
    const s = this.settings;
    if (!s) return { ok: true, headers: {} };
    const windowMs = s.windowSec * 1000;
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const headers: Record<string, string> = {
      "X-RateLimit-Limit": String(s.limit),
      "X-RateLimit-Window-Sec": String(s.windowSec),
    };
    if (this.used >= s.limit) {
      headers["X-RateLimit-Remaining"] = "0";
      const message = `Rate limit exceeded: ${s.limit} calls per ${s.windowSec} seconds`;
      if (s.flavour === "429") return { ok: false, reply: errorReply(429, message, headers) };
      const wait = Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
      headers["X-RateLimit-ToWait-Sec"] = String(wait);
      return { ok: false, reply: errorReply(409, message, headers) };
    }
    this.used += 1;
    headers["X-RateLimit-Remaining"] = String(s.limit - this.used);
    return { ok: true, headers };
  }
}
