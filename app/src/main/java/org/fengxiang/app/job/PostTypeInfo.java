package org.fengxiang.app.job;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.fengxiang.core.Post;

/**
 * Flink type information of {@link Post}: the hand-written {@link PostSerializer}. {@link #register()} makes Flink's
 * type extraction use it wherever a {@code Post} appears (streams, fields of other records, state).
 */
public final class PostTypeInfo extends TypeInformation<Post> {
    private static final long serialVersionUID = 1L;
    /** The one instance. */
    public static final PostTypeInfo INSTANCE = new PostTypeInfo();

    private PostTypeInfo() {}

    /** Registers the type information with Flink's type extraction (once per JVM; later calls do nothing). */
    public static synchronized void register() {
        if (TypeExtractor.getTypeInfoFactory(Post.class) == null) TypeExtractor.registerFactory(Post.class, Factory.class);
    }

    @Override public boolean isBasicType() { return false; }
    @Override public boolean isTupleType() { return false; }
    @Override public int getArity() { return 1; }
    @Override public int getTotalFields() { return 1; }
    @Override public Class<Post> getTypeClass() { return Post.class; }
    @Override public boolean isKeyType() { return false; }
    @Override public TypeSerializer<Post> createSerializer(SerializerConfig config) { return new PostSerializer(); }
    @Override public String toString() { return "PostTypeInfo"; }
    @Override public boolean equals(Object o) { return o instanceof PostTypeInfo; }
    @Override public int hashCode() { return PostTypeInfo.class.hashCode(); }
    @Override public boolean canEqual(Object o) { return o instanceof PostTypeInfo; }

    /** The factory Flink's type extraction calls. */
    public static final class Factory extends TypeInfoFactory<Post> {
        @Override
        public TypeInformation<Post> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
