import { parseCommand } from './args';

describe('parseCommand', () => {
  it('reads audit and repair with their options', () => {
    expect(parseCommand(['audit', '--json'])).toEqual({ name: 'audit', json: true });
    expect(parseCommand(['repair', '--prefer', 'alias', '--verify', '--resume', '--checkpoint', 'cp'])).toEqual({
      name: 'repair', json: false, dryRun: false, prefer: 'alias', resume: true, verify: true, checkpointFile: 'cp',
    });
    expect(parseCommand([])).toEqual({ name: 'help' });
  });

  it.each([
    [['fix'], /Unknown command "fix"/],
    [['repair', '--prefer', 'newest'], /--prefer must be "canonical" or "alias"/],
    [['audit', '--dry-run'], /--dry-run belongs to repair/],
    [['repair', '--dry-run', '--resume'], /nothing to --resume/],
    [['repair', '--force'], /Unknown option '--force'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
