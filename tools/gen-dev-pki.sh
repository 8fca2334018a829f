#!/usr/bin/env bash
# Regenerates the DEVELOPMENT-ONLY PKI in Certs/dev: facility CA, server certificate, facility client
# certificates (mTLS), an untrusted foreign CA, an expired certificate, and a prescriber-signing CA with
# two doctors' CMS signing certificates. Idempotent: wipes Certs/dev and writes everything again, then
# checks every certificate with `openssl verify` and a CMS sign/verify round trip.
#
# The private keys it writes are committed to the repository and therefore public. Never trust these
# CAs outside development and tests. See Certs/dev/README.md.
#
# Usage: tools/gen-dev-pki.sh            (from anywhere; writes <repo>/Certs/dev)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/Certs/dev"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Validity: CAs 20 years, leaves just over 10 years.
ca_days=7305
leaf_days=3700

# Keep the README and the identity table (hand-written, documented) across regenerations.
keep="$work/keep"
mkdir -p "$keep"
for doc in README.md; do
    if [[ -f "$out/$doc" ]]; then cp "$out/$doc" "$keep/$doc"; fi
done
rm -rf "$out"
mkdir -p "$out"
for doc in README.md; do
    if [[ -f "$keep/$doc" ]]; then cp "$keep/$doc" "$out/$doc"; fi
done

# X.509 v3 extension profiles, one section per kind of certificate.
extensions="$work/extensions.cnf"
cat >"$extensions" <<'EOF'
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer

[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer

[signer_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF

# new_key NAME: EC P-256 private key (PKCS#8 PEM) in $out/NAME.key.
new_key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/$1.key" 2>/dev/null
    chmod 600 "$out/$1.key"
}

# subject_config NAME LINE...: an openssl req config whose distinguished name is the given
# "attribute = value" lines, in order (repeat attributes as "0.OU", "1.OU"). UTF-8 throughout.
subject_config() {
    local name="$1"; shift
    local config="$work/$name.req.cnf"
    {
        printf '[req]\nprompt = no\nutf8 = yes\nstring_mask = utf8only\ndistinguished_name = dn\n\n[dn]\n'
        printf '%s\n' "$@"
        printf '\n'
        cat "$extensions"
    } >"$config"
    printf '%s' "$config"
}

random_serial() { printf '0x01%s' "$(openssl rand -hex 15)"; }

# new_ca NAME LINE...: self-signed CA.
new_ca() {
    local name="$1"; shift
    new_key "$name"
    local config
    config="$(subject_config "$name" "$@")"
    openssl req -new -x509 -utf8 -config "$config" -key "$out/$name.key" -days "$ca_days" \
        -set_serial "$(random_serial)" -extensions ca_ext -out "$out/$name.crt"
}

# new_leaf NAME ISSUER PROFILE LINE...: key, CSR and certificate signed by ISSUER.{crt,key}.
new_leaf() {
    local name="$1" issuer="$2" profile="$3"; shift 3
    new_key "$name"
    local config
    config="$(subject_config "$name" "$@")"
    openssl req -new -utf8 -config "$config" -key "$out/$name.key" -out "$work/$name.csr"
    openssl x509 -req -in "$work/$name.csr" -CA "$out/$issuer.crt" -CAkey "$out/$issuer.key" \
        -set_serial "$(random_serial)" -days "$leaf_days" -extfile "$extensions" -extensions "$profile" \
        -out "$out/$name.crt" 2>/dev/null
}

# new_expired_leaf NAME ISSUER PROFILE LINE...: like new_leaf, but valid only during 2020 (so it is
# expired now). `openssl x509` in OpenSSL 3.0 cannot set explicit dates; `openssl ca` can.
new_expired_leaf() {
    local name="$1" issuer="$2" profile="$3"; shift 3
    new_key "$name"
    local config
    config="$(subject_config "$name" "$@")"
    openssl req -new -utf8 -config "$config" -key "$out/$name.key" -out "$work/$name.csr"
    local ca_dir="$work/ca-$name"
    mkdir -p "$ca_dir/new"
    : >"$ca_dir/index.txt"
    openssl rand -hex 16 | sed 's/^./1/' >"$ca_dir/serial"
    cat >"$ca_dir/ca.cnf" <<EOF
[ca]
default_ca = adhoc

[adhoc]
dir = $ca_dir
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
default_md = sha256
policy = accept_anything
unique_subject = no
string_mask = utf8only
preserve = yes
email_in_dn = no

[accept_anything]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
EOF
    cat "$extensions" >>"$ca_dir/ca.cnf"
    openssl ca -batch -utf8 -notext -config "$ca_dir/ca.cnf" -cert "$out/$issuer.crt" -keyfile "$out/$issuer.key" \
        -startdate 20200101000000Z -enddate 20201231235959Z -extensions "$profile" \
        -in "$work/$name.csr" -out "$out/$name.crt" 2>/dev/null
}

# MARK: Facility CA and the server

new_ca ca "C = VN" "O = Rx Development" "CN = Development Facility CA"
new_leaf server ca server_ext "C = VN" "O = Rx Development" "CN = localhost"

# MARK: Facility client certificates: CN = facility code, O = facility name, one OU per role.

new_leaf hospital-prescriber ca client_ext \
    "C = VN" "O = Bệnh viện Đa khoa Thử nghiệm Sài Gòn" "OU = prescriber" "CN = 79088"
new_leaf clinic-prescriber ca client_ext \
    "C = VN" "O = Phòng khám Đa khoa Thử nghiệm Hoàn Kiếm" "OU = prescriber" "CN = 01215"
new_leaf pharmacy ca client_ext \
    "C = VN" "O = Nhà thuốc Thử nghiệm Hải Châu" "OU = pharmacy" "CN = 48102"
new_leaf pharmacy-2 ca client_ext \
    "C = VN" "O = Nhà thuốc Thử nghiệm Ninh Kiều" "OU = pharmacy" "CN = 92031"
new_leaf regulator ca client_ext \
    "C = VN" "O = Cục Quản lý Dược (Thử nghiệm)" "OU = regulator" "CN = 01QLD"
new_leaf norole ca client_ext \
    "C = VN" "O = Trung tâm Y tế Thử nghiệm Nha Trang" "CN = 56007"

new_ca foreign-ca "C = VN" "O = Untrusted Development" "CN = Foreign Untrusted CA"
new_leaf foreign foreign-ca client_ext \
    "C = VN" "O = Phòng khám Giả mạo" "OU = prescriber" "CN = 79999"

new_expired_leaf expired ca client_ext \
    "C = VN" "O = Phòng khám Hết hạn Thử nghiệm" "OU = prescriber" "CN = 79077"

# MARK: Prescriber-signing CA and doctors' CMS signing certificates
# CN = doctor's name, serialNumber = practising-certificate number (CCHN), O = facility name,
# organizationIdentifier = facility code (see README.md for the format choice).

new_ca signing-ca "C = VN" "O = Rx Development" "CN = Development Prescriber Signing CA"
new_leaf doctor-1 signing-ca signer_ext \
    "C = VN" "O = Bệnh viện Đa khoa Thử nghiệm Sài Gòn" "organizationIdentifier = 79088" \
    "serialNumber = 000123/HCM-CCHN" "CN = Nguyễn Thị Lan"
new_leaf doctor-2 signing-ca signer_ext \
    "C = VN" "O = Phòng khám Đa khoa Thử nghiệm Hoàn Kiếm" "organizationIdentifier = 01215" \
    "serialNumber = 004567/HNO-CCHN" "CN = Trần Văn Minh"

rm -f "$out"/*.srl

# MARK: Self-checks

check_verifies() { # CAFILE PURPOSE NAME...
    local cafile="$1" purpose="$2"; shift 2
    for name in "$@"; do
        openssl verify -CAfile "$out/$cafile.crt" -purpose "$purpose" "$out/$name.crt" >/dev/null
        openssl x509 -noout -checkend 0 -in "$out/$name.crt" >/dev/null
    done
}
check_verifies ca sslserver server
check_verifies ca sslclient hospital-prescriber clinic-prescriber pharmacy pharmacy-2 regulator norole
check_verifies signing-ca smimesign doctor-1 doctor-2
if openssl verify -CAfile "$out/ca.crt" "$out/foreign.crt" >/dev/null 2>&1; then
    echo "foreign.crt must not verify against ca.crt" >&2; exit 1
fi
if openssl verify -CAfile "$out/ca.crt" "$out/expired.crt" >/dev/null 2>&1; then
    echo "expired.crt must not verify (it is expired)" >&2; exit 1
fi
openssl verify -CAfile "$out/ca.crt" -no_check_time "$out/expired.crt" >/dev/null

printf 'Đơn thuốc thử nghiệm 79088k3f9a2q-C\n' >"$work/content.bin"
for doctor in doctor-1 doctor-2; do
    openssl cms -sign -binary -nodetach -in "$work/content.bin" -signer "$out/$doctor.crt" \
        -inkey "$out/$doctor.key" -outform DER -out "$work/$doctor.p7s"
    openssl cms -verify -binary -inform DER -in "$work/$doctor.p7s" -CAfile "$out/signing-ca.crt" \
        -out "$work/$doctor.out" 2>/dev/null
    cmp -s "$work/content.bin" "$work/$doctor.out"
done
if openssl cms -verify -binary -inform DER -in "$work/doctor-1.p7s" -CAfile "$out/ca.crt" \
    -out /dev/null >/dev/null 2>&1; then
    echo "doctor signatures must not verify against the facility CA" >&2; exit 1
fi

echo "Development PKI written to $out (DEVELOPMENT ONLY)."
