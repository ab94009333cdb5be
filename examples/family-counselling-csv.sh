#!/bin/sh
# A month of family counselling (SON 2021-233) from the sessions Excel saved:
# examples/data/familjeradgivning-2022-03.csv is semicolon separated, UTF-8
# with a BOM and CRLF line ends, as Swedish Excel writes "CSV UTF-8".
#
# Run from the repository after `npm run build`:
#   sh examples/family-counselling-csv.sh
# An installed package has the same command: `npx verksamhetsuppdrag …`.
set -eu
cd "$(dirname "$0")/.."
cli="node dist/cli.js"

echo "## The statement for March 2022, as a table"
$cli statement familjeradgivning --month 2022-03 --sessions examples/data/familjeradgivning-2022-03.csv

echo
echo "## The same as JSON: the total and the first line"
$cli statement familjeradgivning --month 2022-03 --sessions examples/data/familjeradgivning-2022-03.csv --format json |
  node -e 'let t="";process.stdin.on("data",(c)=>t+=c).on("end",()=>{const s=JSON.parse(t);const l=s.lines[0];console.log(JSON.stringify({total:s.total,notPayable:s.notPayable,feesOwedToPurchaser:s.feesOwedToPurchaser,firstLine:{id:l.id,quantity:l.quantity,unitPrice:l.unitPrice,amount:l.amount,clause:l.clause}},null,2));})'

echo
echo "## And as CSV for Excel (first lines): semicolons, decimal comma, BOM, CRLF"
$cli statement familjeradgivning --month 2022-03 --sessions examples/data/familjeradgivning-2022-03.csv --format csv | head -n 3
