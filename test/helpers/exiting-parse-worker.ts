// A parse-thread module that dies on its first job, to test how the host reports a lost thread.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message: { type: string }) => {
  if (message.type === 'job') process.exit(7);
});
