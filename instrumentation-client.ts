// Runs in the browser before the app's own code (Next's instrumentation-client file).
import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to, and probes for it first;
// under our CSP (no 'unsafe-eval': lib/security/csp.ts) even the caught probe is reported as a
// violation. The interpreted parsers are as correct, and fast enough for a form.
z.config({ jitless: true });
