#!/usr/bin/env bash
# Local stand-ins for the Dockerfile's base images, for a machine that cannot pull eclipse-temurin:* (no Docker Hub)
# but reaches the Ubuntu archive and has a Temurin 25 JDK installed:
#
#   localhost/temurin:25-jdk-noble   Ubuntu 24.04 minbase + the local JDK in /opt/java/openjdk
#   localhost/temurin:25-jre-noble   Ubuntu 24.04 minbase + a runtime jlink'd from it (no compiler or dev tools)
#
# laid out as the Eclipse Temurin images are (JAVA_HOME, PATH, en_US.UTF-8 locale, the same few packages), so that
# the Dockerfile builds against them unchanged:
#
#   bench/image/stand-in-bases.sh
#   buildah bud --isolation chroot --layers \
#     --build-arg JDK_IMAGE=localhost/temurin:25-jdk-noble --build-arg JRE_IMAGE=localhost/temurin:25-jre-noble \
#     -t localhost/mobim:0.1.0 .
#
# Needs root, buildah and mmdebstrap (Debian: apt-get install buildah mmdebstrap). JDK: $JAVA_HOME, a JDK 25+.
# BUILD_CA: PEM files of CAs that the build stage's network needs (a TLS-intercepting proxy in front of Maven
# Central), trusted by the JDK image only, by wget (Maven wrapper) and by Java (Maven); the runtime image, and so
# the mobim image, trusts none of them.
set -euo pipefail

jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 25 or newer}"
mirror="${UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stand-in-bases.XXXXXX")"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # apt reads the keyring as its own unprivileged user

# Ubuntu's archive keys, which Debian does not package: the keyring package, checked against its pinned digest.
keyring_deb=ubuntu-keyring_2023.11.28.1_all.deb
curl -fsSL -o "$work/$keyring_deb" "$mirror/pool/main/u/ubuntu-keyring/$keyring_deb"
echo "36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8  $work/$keyring_deb" | sha256sum -c --quiet
dpkg-deb -x "$work/$keyring_deb" "$work/keyring"

# ubuntu:24.04 (minbase and apt, which brings libstdc++ that the embedded PostgreSQL needs), the packages the
# Temurin images add to it, and their locale.
mmdebstrap --variant=minbase --components=main,universe \
  --keyring="$work/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg" \
  --include=apt,ca-certificates,curl,wget,fontconfig,p11-kit,tzdata,locales \
  --customize-hook='echo "en_US.UTF-8 UTF-8" >>"$1/etc/locale.gen" && chroot "$1" locale-gen en_US.UTF-8' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  noble "$work/noble.tar" "$mirror"

# The JRE: the JDK's modules but its development tools, with the default CDS archive the JVM maps at start.
modules="$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
  | grep -vxE 'jdk\.(compiler|javadoc|jartool|jdeps|jlink|jpackage|jshell|internal\.(ed|le|opt)|editpad|jconsole|jstatd|hotspot\.agent|jdi)' \
  | paste -sd,)"
"$jdk/bin/jlink" --add-modules "$modules" --no-header-files --no-man-pages --generate-cds-archive --output "$work/jre"

# The JDK, with the JDK's own trust store (a distribution's JDK may link it to the system's; the jlink'd runtime
# has the original) and the build's CAs.
cp -a "$jdk" "$work/jdk"
rm -f "$work/jdk/lib/security/cacerts"
cp "$work/jre/lib/security/cacerts" "$work/jdk/lib/security/cacerts"
mkdir "$work/ca"
n=0
for ca in ${BUILD_CA:-}; do
  n=$((n + 1))
  cp "$ca" "$work/ca/build-ca-$n.crt"
  "$jdk/bin/keytool" -importcert -noprompt -alias "build-ca-$n" -file "$ca" -storepass changeit \
    -keystore "$work/jdk/lib/security/cacerts" >/dev/null
done

image() { # name java-home-directory [CA directory]
  local container
  container="$(buildah from scratch)"
  buildah add "$container" "$work/noble.tar" / >/dev/null
  buildah copy "$container" "$2" /opt/java/openjdk >/dev/null
  if [[ -n "${3:-}" ]]; then
    buildah copy "$container" "$3" /usr/local/share/ca-certificates >/dev/null
    buildah run --isolation chroot "$container" -- update-ca-certificates >/dev/null
  fi
  buildah config --env JAVA_HOME=/opt/java/openjdk \
    --env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=en_US.UTF-8 --env LANGUAGE=en_US:en --env LC_ALL=en_US.UTF-8 \
    --os linux --arch amd64 "$container"
  buildah commit -q --rm "$container" "$1" >/dev/null
  container="$(buildah from "$1")"
  echo "$1: $(buildah run --isolation chroot "$container" -- java -version 2>&1 | sed -n 2p)"
  buildah rm "$container" >/dev/null
}
image localhost/temurin:25-jdk-noble "$work/jdk" "$work/ca"
image localhost/temurin:25-jre-noble "$work/jre"
