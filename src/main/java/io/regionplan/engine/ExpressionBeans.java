package io.regionplan.engine;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The names of the beans BPMN expressions may name: the application's classes marked
 * {@link ExpressionBean}, under the bean names Spring gives them. Read from the classes
 * themselves, so the deployment validator knows the same list with or without a running
 * application.
 */
public final class ExpressionBeans {

	/**
	 * The package the application's own classes live in; a bean outside it is never an
	 * expression bean.
	 */
	private static final String APPLICATION_PACKAGE = "io.regionplan";

	public static final Set<String> ALLOWED = scan();

	private ExpressionBeans() {
	}

	private static Set<String> scan() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ExpressionBean.class));
		AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		Set<String> allowed = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(APPLICATION_PACKAGE)) {
			if (candidate instanceof AnnotatedBeanDefinition annotated) {
				allowed.add(names.generateBeanName(annotated, registry));
			}
		}
		return Set.copyOf(allowed);
	}

}
