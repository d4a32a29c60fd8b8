import { initial } from './initial';

describe('initial', () => {
  it.each([
    ['ada', 'A'],
    ['😀 Ada', '😀'],
    ['👩‍💻 dev', '👩‍💻'],
    ['e\u0301mile', 'E\u0301'],
    ['🇫🇷 Zoé', '🇫🇷'],
    ['  grace', 'G'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(initial(text)).toBe(expected);
  });
});
