/** Responses of signing up, signing in and `GET /api/me`. */

/** The signed-in person. */
export interface User {
  id: string;
  email: string;
  name: string;
}
