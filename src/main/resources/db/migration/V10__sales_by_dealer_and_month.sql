-- A dealer's sales by month without reading the table's rows (issue 9, benchmark 2): the region's dealer metrics
-- read every sales row of its dealers, and the latest month is found from each dealer's last entry.
create index market_sales_dealer_month on market_sales (dealer_id, sales_month, amount);
