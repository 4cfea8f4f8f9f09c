export const MAX_GRANT_MINUTES_LABEL = '5 to 30';
