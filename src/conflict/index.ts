// The bargaining model of war: ranges on divisible goods, indivisibility flags.
export * from './bargaining-range.js';
