#!/bin/sh
# Generates the sample book of business and loads it into a running suite with clm import: parties first (one bulk
# resolution), then the business records. Usage: load.sh CLM_BINARY BOOK_FOLDER [PERSONS]
# The socket folder comes from CLM_SOCKET_DIR. Each import prints its counts; rejected rows go to *.rejects.csv in
# the book folder.
set -eu
clm=$1
book=$2
persons=${3:-2000}
maps=$(cd "$(dirname "$0")" && pwd)
"$clm" generate --persons "$persons" --organisations $((persons / 20)) --seed 42 --out "$book" --force >/dev/null
cd "$book"
"$clm" import parties parties.csv --source-column source_system --key source_key --map-file "$maps/parties.map"
"$clm" import policies policies.csv --source-column source_system --key policy_number \
    --map-file "$maps/policies.map" --roles policy_roles.csv --roles-key policy_number \
    --roles-source-column source_system --roles-map-file "$maps/policy-roles.map"
"$clm" import payments payments.csv --source-column source_system --key payment_key --map-file "$maps/payments.map"
"$clm" import claims claims.csv --source-column source_system --key claim_number --map-file "$maps/claims.map"
"$clm" import servicing servicing.csv --source-column source_system --key servicing_key \
    --map-file "$maps/servicing.map"
"$clm" import service-usage service_usage.csv --source-column source_system --key usage_key \
    --map-file "$maps/service-usage.map"
"$clm" import interactions interactions.csv --source-column source_system --key interaction_key \
    --map-file "$maps/interactions.map"
