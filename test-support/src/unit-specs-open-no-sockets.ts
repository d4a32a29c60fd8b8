// Jest setup (setupFilesAfterEnv of the Node workspaces): a unit spec beside the code (a path
// under a workspace's src/) fails if it listens on or connects to a socket; a spec that needs a
// server belongs under the workspace's test/. The prototypes are put back after the file, since
// core modules are shared by every file the worker runs.
import { Server, Socket } from 'node:net';
import { relative, resolve, sep } from 'node:path';

const testPath = expect.getState().testPath ?? '';
const inRepo = relative(resolve(__dirname, '../..'), testPath).split(sep);
if (inRepo[1] === 'src') {
  const listen = Server.prototype.listen;
  const connect = Socket.prototype.connect;
  const refuse = (what: string) =>
    function refused(): never {
      throw new Error(`${testPath} ${what} a socket: a unit spec beside the code opens none (move it under the workspace's test/)`);
    };
  beforeAll(() => {
    Server.prototype.listen = refuse('listens on') as unknown as typeof listen;
    Socket.prototype.connect = refuse('connects') as unknown as typeof connect;
  });
  afterAll(() => {
    Server.prototype.listen = listen;
    Socket.prototype.connect = connect;
  });
}
