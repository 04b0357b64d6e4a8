package io.mobim.wv;

import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds sample instances of every primitive by reflection (test code only): every component set,
 * lists with two elements, nested records filled recursively, so a round trip exercises every
 * element of every schema.
 */
public final class Samples {

    /** Element names of the open-content components (a WvNode is named after its element). */
    private static final Map<String, String> NODE_ELEMENTS = Map.of(
            "presenceSubList", "PresenceSubList", "functions", "Functions", "allFunctions", "AllFunctions",
            "logo", "Logo", "defaultAttributeList", "DefaultAttributeList", "adminMapList", "AdminMapList");

    private Samples() {
    }

    public static List<Class<?>> primitiveTypes() {
        return List.of(Primitive.class.getPermittedSubclasses());
    }

    public static Primitive full(Class<?> type) {
        return (Primitive) build(type, "");
    }

    public static Primitive empty(Class<?> type) {
        try {
            RecordComponent[] rc = type.getRecordComponents();
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                args[i] = rc[i].getType() == List.class ? List.of() : null;
            }
            return (Primitive) type.getDeclaredConstructor(types(rc)).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WvMessage message(CspVersion v, Primitive p) {
        return WvMessage.of(v, SessionDescriptor.inband("sess#1@mobim"),
                new Transaction(TransactionMode.REQUEST, "tx-1", Boolean.TRUE, p));
    }

    private static Class<?>[] types(RecordComponent[] rc) {
        Class<?>[] t = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            t[i] = rc[i].getType();
        }
        return t;
    }

    private static Object build(Class<?> type, String path) {
        try {
            RecordComponent[] rc = type.getRecordComponents();
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                args[i] = value(rc[i].getName(), rc[i].getGenericType(), path + "/" + rc[i].getName(), 0);
            }
            return type.getDeclaredConstructor(types(rc)).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(String name, Type t, String path, int index) {
        if (t instanceof ParameterizedType pt) {
            Type elem = pt.getActualTypeArguments()[0];
            List<Object> l = new ArrayList<>();
            l.add(value(name, elem, path + "[0]", 0));
            l.add(value(name, elem, path + "[1]", 1));
            return l;
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            if (name.equals("dateTime") || name.equals("deliveryTime")) {
                return "20010925T165859Z";
            }
            return "v" + index + " " + name + " \u00e9\u20ac<&>";
        }
        if (c == Integer.class) {
            return 300 + index + path.length();
        }
        if (c == Boolean.class) {
            return index == 0;
        }
        if (c == PresenceSubList.class) {
            return PresenceSubList.of(node("PresenceSubList"));
        }
        if (c == WvNode.class) {
            return node(NODE_ELEMENTS.get(name));
        }
        return build(c, path);
    }

    static WvNode node(String element) {
        if (element.equals("PresenceSubList") || element.equals("DefaultAttributeList")) {
            return WvNode.of(element,
                    WvNode.of("OnlineStatus", WvNode.leaf("Qualifier", "T"), WvNode.leaf("PresenceValue", "T")),
                    WvNode.presenceValue("UserAvailability", "AVAILABLE"),
                    WvNode.presenceValue("StatusText", "At the beach \u263A"),
                    WvNode.of("CommCap", WvNode.leaf("Qualifier", "T"),
                            WvNode.of("CommC", WvNode.leaf("Cap", "IM"), WvNode.leaf("Status", "OPEN"))),
                    WvNode.of("ClientInfo", WvNode.leaf("Qualifier", "T"), WvNode.leaf("ClientType", "MOBILE_PHONE")),
                    WvNode.of("Alias"));
        }
        if (element.equals("Functions") || element.equals("AllFunctions")) {
            return WvNode.of(element, WvNode.of("WVCSPFeat", WvNode.of("FundamentalFeat"), WvNode.of("PresenceFeat"),
                    WvNode.of("IMFeat", WvNode.of("IMSendFunc", WvNode.of("MCLS"), WvNode.of("FWMSG")))));
        }
        return new WvNode(element, "text of " + element, List.of());
    }
}
