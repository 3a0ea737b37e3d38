/**
 * The cluster CA certificate every namespace's `kube-root-ca.crt` ConfigMap carries.
 *
 * A self-signed "kubernetes" CA generated for kubeplay (no private key is kept anywhere):
 * it is never used to verify anything, it only has to look like what kubeadm writes to
 * /etc/kubernetes/pki/ca.crt so `kubectl get cm kube-root-ca.crt -o yaml` reads true.
 */

/** CLUSTER_CA_PEM is the PEM-encoded cluster CA, with the trailing newline a real file has. */
export const CLUSTER_CA_PEM = `
-----BEGIN CERTIFICATE-----
MIIDGzCCAgOgAwIBAgIURPE8bjtwq54LELrHgArNZDTir1owDQYJKoZIhvcNAQEL
BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjExMjIwNTUxMjJaFw0zNjEx
MTkwNTUxMjJaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQClmCiy8oqcAvz8itmAuVxQUOcnPbj0hvKJOvK+3FRa
EDdAqDWed3zfoPu3VZRDAvhvrHsr/xKnX8VHt24gGTgjitRd6NhgmJ+jSjyB0MmW
2W9PE4qLt2xTx3ngJ/tFVVeXQ8mcBIuoe2VU+seesvv2M/aXfrwsP4SZJsCQoPt7
XalloGsBeeqHP7Z3wPF3ER2NDw+kyp085Hl+RULhDSSsuCgqIrh/1mm9cVSqb2R0
BYGKsZ94G00+p3lZ9QarJAjpWC7vpJLWAvHohPF9rshcrM77cI8Haz96ojdcQsSj
19RteqHYvfWpHOHBNP5iSlvCwUqL3bVZgZnETEar7IYBAgMBAAGjYzBhMB0GA1Ud
DgQWBBQ7aaOMFYvkp4AatS8XtsANICP5BjAfBgNVHSMEGDAWgBQ7aaOMFYvkp4Aa
tS8XtsANICP5BjAOBgNVHQ8BAf8EBAMCAqQwDwYDVR0TAQH/BAUwAwEB/zANBgkq
hkiG9w0BAQsFAAOCAQEAHuB4NgIlxhSSNJDJc75rpUhsQxYVpltxKbh7+oLKYQ5L
Pc6gwWRrnAQq4o7dhQLhvA5vdv2dhzxl2n9XdoUnNhcDMZIwHdwTeKdyMTEm9dpE
Znuoi5FTNDIRlIHjG1FiJj2YO6PrjA8rigAmM0GhrI//Kk2509CY1iwVisAiq93t
PNGYQQ/i3QGw8jScUOfAosFK0JVR0Prl5kqXD/CxJAE69gaeJjxpMGlnJZabEfFM
EsJdRo4gTlTcwSmhviOF0YVEXSyNY1gOcbXYz8jxxAjT00HhQ1R/A0thqADQknXR
fu9I7t00idfypYX+tKhqZ5st1STMuOtNm5pV4cg50w==
-----END CERTIFICATE-----
`.trimStart();
