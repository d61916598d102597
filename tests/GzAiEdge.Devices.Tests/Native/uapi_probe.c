/*
 * Prints what the installed kernel headers say about the structs, constants and ioctl numbers that
 * GzAiEdge.Devices declares by hand, one "kind name value" line each; KernelHeaders.cs compiles and runs it.
 * Needs gcc and linux-libc-dev (./gz installs both).
 */
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <linux/gpio.h>
#include <linux/i2c.h>
#include <linux/i2c-dev.h>

#define SIZE(t) printf("sizeof %s %zu\n", #t, sizeof(struct t))
#define OFF(t, f) printf("offsetof %s.%s %zu\n", #t, #f, offsetof(struct t, f))
#define VALUE(n) printf("value %s %llu\n", #n, (unsigned long long)(n))

static void bytes(const char *name, const void *p, size_t n)
{
	printf("bytes %s ", name);
	for (size_t i = 0; i < n; i++)
		printf("%02x", ((const unsigned char *)p)[i]);
	printf("\n");
}

static void gpio_layouts(void)
{
	SIZE(gpiochip_info); OFF(gpiochip_info, name); OFF(gpiochip_info, label); OFF(gpiochip_info, lines);
	SIZE(gpio_v2_line_values); OFF(gpio_v2_line_values, bits); OFF(gpio_v2_line_values, mask);
	SIZE(gpio_v2_line_attribute); OFF(gpio_v2_line_attribute, id); OFF(gpio_v2_line_attribute, padding);
	OFF(gpio_v2_line_attribute, flags); OFF(gpio_v2_line_attribute, values);
	OFF(gpio_v2_line_attribute, debounce_period_us);
	SIZE(gpio_v2_line_config_attribute); OFF(gpio_v2_line_config_attribute, attr);
	OFF(gpio_v2_line_config_attribute, mask);
	SIZE(gpio_v2_line_config); OFF(gpio_v2_line_config, flags); OFF(gpio_v2_line_config, num_attrs);
	OFF(gpio_v2_line_config, padding); OFF(gpio_v2_line_config, attrs); OFF(gpio_v2_line_config, attrs[1]);
	SIZE(gpio_v2_line_request); OFF(gpio_v2_line_request, offsets); OFF(gpio_v2_line_request, consumer);
	OFF(gpio_v2_line_request, config); OFF(gpio_v2_line_request, num_lines);
	OFF(gpio_v2_line_request, event_buffer_size); OFF(gpio_v2_line_request, padding); OFF(gpio_v2_line_request, fd);
	SIZE(gpio_v2_line_info); OFF(gpio_v2_line_info, name); OFF(gpio_v2_line_info, consumer);
	OFF(gpio_v2_line_info, offset); OFF(gpio_v2_line_info, num_attrs); OFF(gpio_v2_line_info, flags);
	OFF(gpio_v2_line_info, attrs); OFF(gpio_v2_line_info, attrs[1]); OFF(gpio_v2_line_info, padding);
	SIZE(gpio_v2_line_event); OFF(gpio_v2_line_event, timestamp_ns); OFF(gpio_v2_line_event, id);
	OFF(gpio_v2_line_event, offset); OFF(gpio_v2_line_event, seqno); OFF(gpio_v2_line_event, line_seqno);
	OFF(gpio_v2_line_event, padding);
}

static void gpio_values(void)
{
	VALUE(GPIO_MAX_NAME_SIZE); VALUE(GPIO_V2_LINES_MAX); VALUE(GPIO_V2_LINE_NUM_ATTRS_MAX);
	VALUE(GPIO_GET_CHIPINFO_IOCTL); VALUE(GPIO_V2_GET_LINEINFO_IOCTL); VALUE(GPIO_V2_GET_LINE_IOCTL);
	VALUE(GPIO_V2_LINE_GET_VALUES_IOCTL); VALUE(GPIO_V2_LINE_SET_VALUES_IOCTL);
	VALUE(GPIO_V2_LINE_ATTR_ID_FLAGS); VALUE(GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES); VALUE(GPIO_V2_LINE_ATTR_ID_DEBOUNCE);
	VALUE(GPIO_V2_LINE_EVENT_RISING_EDGE); VALUE(GPIO_V2_LINE_EVENT_FALLING_EDGE);
	VALUE(GPIO_V2_LINE_FLAG_USED); VALUE(GPIO_V2_LINE_FLAG_ACTIVE_LOW); VALUE(GPIO_V2_LINE_FLAG_INPUT);
	VALUE(GPIO_V2_LINE_FLAG_OUTPUT); VALUE(GPIO_V2_LINE_FLAG_EDGE_RISING); VALUE(GPIO_V2_LINE_FLAG_EDGE_FALLING);
	VALUE(GPIO_V2_LINE_FLAG_OPEN_DRAIN); VALUE(GPIO_V2_LINE_FLAG_OPEN_SOURCE);
	VALUE(GPIO_V2_LINE_FLAG_BIAS_PULL_UP); VALUE(GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN);
	VALUE(GPIO_V2_LINE_FLAG_BIAS_DISABLED); VALUE(GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME);
	VALUE(GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE);
}

/* Requests filled the way the uAPI documents them, to compare byte for byte with GzAiEdge's encoder. */
static void gpio_requests(void)
{
	struct gpio_v2_line_request in, out;
	struct gpio_v2_line_event event;

	memset(&in, 0, sizeof(in));
	in.offsets[0] = 17;
	strcpy(in.consumer, "gz-probe");
	in.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_ACTIVE_LOW | GPIO_V2_LINE_FLAG_EDGE_RISING |
			  GPIO_V2_LINE_FLAG_EDGE_FALLING | GPIO_V2_LINE_FLAG_BIAS_PULL_UP |
			  GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME;
	in.config.num_attrs = 1;
	in.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	in.config.attrs[0].attr.debounce_period_us = 5000;
	in.config.attrs[0].mask = 1;
	in.num_lines = 1;
	in.event_buffer_size = 256;
	bytes("input_request", &in, sizeof(in));

	memset(&out, 0, sizeof(out));
	out.offsets[0] = 4;
	strcpy(out.consumer, "gz-relay");
	out.config.flags = GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_OPEN_DRAIN | GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
	out.config.num_attrs = 1;
	out.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	out.config.attrs[0].attr.values = 1;
	out.config.attrs[0].mask = 1;
	out.num_lines = 1;
	bytes("output_request", &out, sizeof(out));

	memset(&event, 0, sizeof(event));
	event.timestamp_ns = 1234567890123ULL;
	event.id = GPIO_V2_LINE_EVENT_FALLING_EDGE;
	event.offset = 17;
	event.seqno = 7;
	event.line_seqno = 5;
	bytes("falling_event", &event, sizeof(event));
}

static void i2c_and_libc(void)
{
	SIZE(i2c_msg); OFF(i2c_msg, addr); OFF(i2c_msg, flags); OFF(i2c_msg, len); OFF(i2c_msg, buf);
	SIZE(i2c_rdwr_ioctl_data); OFF(i2c_rdwr_ioctl_data, msgs); OFF(i2c_rdwr_ioctl_data, nmsgs);
	VALUE(I2C_SLAVE); VALUE(I2C_FUNCS); VALUE(I2C_RDWR); VALUE(I2C_FUNC_I2C); VALUE(I2C_M_RD);
	SIZE(pollfd); OFF(pollfd, fd); OFF(pollfd, events); OFF(pollfd, revents);
	SIZE(timespec); OFF(timespec, tv_sec); OFF(timespec, tv_nsec);
	VALUE(O_RDONLY); VALUE(O_RDWR); VALUE(O_NONBLOCK); VALUE(O_CLOEXEC); VALUE(EFD_CLOEXEC);
	VALUE(POLLIN); VALUE(CLOCK_REALTIME); VALUE(CLOCK_MONOTONIC);
}

int main(void)
{
	gpio_layouts();
	gpio_values();
	gpio_requests();
	i2c_and_libc();
	return 0;
}
