package dev.mallard.bench;

import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemColumn;
import io.trino.tpch.OrderColumn;
import io.trino.tpch.TpchTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TPC-H lineitem and orders generated in this JVM by {@code io.trino.tpch} as lists of records.
 * Values that repeat (flags, ship modes, dates: a few thousand distinct ones) share one object, as
 * they would in a program that parsed them through a cache; otherwise scale factor 1's 6 million
 * lineitems would carry 30 million needless Strings and LocalDates. The comments stay distinct.
 */
record TpchRecords(List<Lineitem> lineitems, List<Order> orders) {

    static TpchRecords generate(double scaleFactor) {
        Shared shared = new Shared();
        List<Lineitem> lineitems = new ArrayList<>();
        for (LineItem r : TpchTable.LINE_ITEM.createGenerator(scaleFactor, 1, 1)) {
            lineitems.add(new Lineitem(LineItemColumn.ORDER_KEY.getIdentifier(r), LineItemColumn.PART_KEY.getIdentifier(r),
                    LineItemColumn.SUPPLIER_KEY.getIdentifier(r), LineItemColumn.LINE_NUMBER.getInteger(r),
                    LineItemColumn.QUANTITY.getDouble(r), LineItemColumn.EXTENDED_PRICE.getDouble(r),
                    LineItemColumn.DISCOUNT.getDouble(r), LineItemColumn.TAX.getDouble(r),
                    shared.text(LineItemColumn.RETURN_FLAG.getString(r)), shared.text(LineItemColumn.STATUS.getString(r)),
                    shared.date(LineItemColumn.SHIP_DATE.getDate(r)), shared.date(LineItemColumn.COMMIT_DATE.getDate(r)),
                    shared.date(LineItemColumn.RECEIPT_DATE.getDate(r)), shared.text(LineItemColumn.SHIP_INSTRUCTIONS.getString(r)),
                    shared.text(LineItemColumn.SHIP_MODE.getString(r)), LineItemColumn.COMMENT.getString(r)));
        }
        List<Order> orders = new ArrayList<>();
        for (io.trino.tpch.Order r : TpchTable.ORDERS.createGenerator(scaleFactor, 1, 1)) {
            orders.add(new Order(OrderColumn.ORDER_KEY.getIdentifier(r), OrderColumn.CUSTOMER_KEY.getIdentifier(r),
                    shared.text(OrderColumn.ORDER_STATUS.getString(r)), OrderColumn.TOTAL_PRICE.getDouble(r),
                    shared.date(OrderColumn.ORDER_DATE.getDate(r)), shared.text(OrderColumn.ORDER_PRIORITY.getString(r)),
                    shared.text(OrderColumn.CLERK.getString(r)), OrderColumn.SHIP_PRIORITY.getInteger(r),
                    OrderColumn.COMMENT.getString(r)));
        }
        return new TpchRecords(lineitems, orders);
    }

    /** One object per distinct value of the low-cardinality columns. */
    private static final class Shared {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<Integer, LocalDate> dates = new HashMap<>();

        String text(String s) {
            return texts.computeIfAbsent(s, k -> k);
        }

        LocalDate date(int epochDay) {
            return dates.computeIfAbsent(epochDay, LocalDate::ofEpochDay);
        }
    }
}
