/** The names the simulated servers answer under, in one place for the world and its delivery. */

/** The local domain and host every session serves. */
export const LOCAL_DOMAIN = 'example.test';
/** The server's host name, as greetings and Received headers give it. */
export const SERVER_HOST = 'mail.example.test';
