/** The lab's command line: parse the options, start the listeners, print the banner, stop on Ctrl-C. */
import { banner } from './banner.ts';
import { parseArgs, usage } from './options.ts';

/** Runs the lab until SIGINT/SIGTERM; resolves with the exit code for errors before it starts (2: bad usage). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`lab: ${parsed.error}\nRun "npm run lab -- --help" for the options.\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  try {
    await import('../machines/servers.ts');
  } catch (error) {
    process.stderr.write(`lab: cannot load the protocol servers (src/machines/servers.ts): ${(error as Error).message}\n`);
    return 1;
  }
  const { startLab } = await import('./server.ts');
  let lab: Awaited<ReturnType<typeof startLab>>;
  try {
    const { host, offset, seed, idleTimeout, commandTimeout, maxConnections, maxConnectionsPerAddress, quiet, testProtocols, exchange } = options;
    lab = await startLab({ host, offset, seed, idleTimeout, commandTimeout, maxConnections, maxConnectionsPerAddress, quiet, testProtocols, exchange });
  } catch (error) {
    process.stderr.write(`lab: ${(error as Error).message}\nTry another --offset, or stop the other lab first.\n`);
    return 1;
  }
  process.stdout.write(`${banner(lab, options)}\n`);
  // The last resort: every socket handler has its own guard, so this should never run; if it does, the lab goes on.
  const lastResort = (error: unknown): void => {
    process.stderr.write(`lab: internal error (the lab goes on): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  };
  process.on('uncaughtException', lastResort);
  process.on('unhandledRejection', lastResort);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      // A second Ctrl-C, or a client that ignores the farewell, cannot hold the exit up.
      if (stopping) process.exit(0);
      stopping = true;
      process.stdout.write(`\nlab: ${signal}: closing every session and stopping\n`);
      setTimeout(() => process.exit(0), 2000).unref();
      void lab.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Started by main.ts in a child (allocator.ts): if the parent goes, so does the lab, with its farewells.
    // The channel itself must not keep the lab running once it has stopped.
    if (process.channel) {
      process.channel.unref();
      process.on('disconnect', () => stop('SIGHUP'));
    }
  });
  return 0;
}
