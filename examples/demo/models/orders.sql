-- Pass-through over the table written by examples/demo/generate.ts
select * from demo.orders
