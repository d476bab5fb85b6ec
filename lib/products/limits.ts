/** How many pricing dimensions a product may have (the form shows it; the schema enforces it). */
export const MAX_DIMENSIONS = 10;
