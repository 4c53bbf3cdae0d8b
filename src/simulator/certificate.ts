/** A self-signed certificate for 127.0.0.1/localhost, made at start like a fresh router's. */
import { generate } from "selfsigned";

export interface Certificate {
  cert: string;
  key: string;
}

export async function selfSignedCertificate(): Promise<Certificate> {
  const pems = await generate([{ name: "commonName", value: "rosapi-simulator" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      // A CA flag lets clients pass this very certificate as their `ca`.
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
