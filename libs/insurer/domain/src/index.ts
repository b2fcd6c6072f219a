// The insurer context's events, commands and deciders.
export {};
