// The employer-network context's events, commands and deciders.
export {};
