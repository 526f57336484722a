package com.smartpackageroom.ejb.courier;

import com.smartpackageroom.domain.courier.Courier;

public record CourierView(Long id, String name, String carrier, String email, String phone) {

  public static CourierView of(Courier c) {
    return new CourierView(c.getId(), c.getName(), c.getCarrier(), c.getEmail(), c.getPhone());
  }
}
