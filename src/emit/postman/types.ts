/** The parts of the Postman collection v2.1.0 format that we write. */

export interface PostmanRequest {
  method: string;
  header: { key: string; value: string }[];
  url: {
    raw: string;
    host: string[];
    path: string[];
    query?: { key: string; value: string; disabled: boolean; description?: string }[];
    variable?: { key: string; value: string; description?: string }[];
  };
  body?: { mode: "raw"; raw: string; options: { raw: { language: "json" } } };
  description: string;
}

interface PostmanEvent {
  listen: "test" | "prerequest";
  script: { type: "text/javascript"; exec: string[] };
}

export interface PostmanItem {
  id: string;
  name: string;
  request: PostmanRequest;
  event?: PostmanEvent[];
  response: {
    id: string;
    name: string;
    originalRequest: PostmanRequest;
    status: string;
    code: number;
    header: { key: string; value: string }[];
    body: string;
    _postman_previewlanguage?: string;
  }[];
}

export interface PostmanFolder {
  id: string;
  name: string;
  description?: string;
  item: (PostmanFolder | PostmanItem)[];
}
