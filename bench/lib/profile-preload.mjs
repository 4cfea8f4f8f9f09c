/**
 * Preloaded into `next start` by bench/lib/profile-run.ts (NODE_OPTIONS
 * --import). V8's sampling profiler runs only between two SIGUSR2: the first
 * starts it once the server is warm, the second writes what it saw to
 * $BENCH_PROFILE_DIR/<pid>.cpuprofile. So a profile holds the measured
 * requests alone, not the server's start-up and warm-up (which `--cpu-prof`
 * counted: module compilation was charged to every request).
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

let session = null;
process.on('SIGUSR2', () => {
  if (!session) {
    session = new inspector.Session();
    session.connect();
    // The interval --cpu-prof uses by default, so profiles compare with the earlier ones.
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')));
    return;
  }
  const done = session;
  session = null;
  done.post('Profiler.stop', (err, result) => {
    if (!err) fs.writeFileSync(path.join(process.env.BENCH_PROFILE_DIR, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    done.disconnect();
  });
});
